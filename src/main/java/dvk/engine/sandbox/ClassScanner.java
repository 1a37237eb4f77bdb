package dvk.engine.sandbox;

import dvk.engine.sandbox.ScannedClass.ScannedMethod;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads a class file as the sandbox sees it: every member each method refers to, and the
 * constructs rule code may not have (a jump backwards is a loop; a monitor, a catch of errors, a
 * bootstrap other than lambdas and string concatenation). It reads bytes only: nothing is loaded.
 */
final class ClassScanner {
    /** The bootstraps javac and ECJ use for lambdas and string concatenation; no other is allowed. */
    private static final Set<String> BOOTSTRAPS = Set.of(
            "java/lang/invoke/LambdaMetafactory.metafactory",
            "java/lang/invoke/LambdaMetafactory.altMetafactory",
            "java/lang/invoke/StringConcatFactory.makeConcatWithConstants",
            "java/lang/invoke/StringConcatFactory.makeConcat");
    private static final String RULE_BUILDER = "org/drools/modelcompiler/dsl/pattern/D.rule";

    private ClassScanner() {}

    static ScannedClass scan(byte[] bytes) {
        List<ScannedMethod> methods = new ArrayList<>();
        String[] header = new String[2];
        List<String> interfaces = new ArrayList<>();
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] implemented) {
                header[0] = name;
                header[1] = superName;
                if (implemented != null) interfaces.addAll(List.of(implemented));
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodScan(header[0], name, descriptor, (access & Opcodes.ACC_STATIC) != 0, methods);
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ScannedClass(header[0], header[1], List.copyOf(interfaces), List.copyOf(methods));
    }

    private static final class MethodScan extends MethodVisitor {
        private final String owner;
        private final String name;
        private final String descriptor;
        private final boolean isStatic;
        private final List<ScannedMethod> into;
        private final List<MemberRef> refs = new ArrayList<>();
        private final List<String> refused = new ArrayList<>();
        private final List<String> ruleNames = new ArrayList<>();
        private final List<String> lambdaClasses = new ArrayList<>();
        private final Set<Label> passed = new HashSet<>();
        private String lastString;

        MethodScan(String owner, String name, String descriptor, boolean isStatic, List<ScannedMethod> into) {
            super(Opcodes.ASM9);
            this.owner = owner;
            this.name = name;
            this.descriptor = descriptor;
            this.isStatic = isStatic;
            this.into = into;
        }

        @Override
        public void visitLabel(Label label) {
            passed.add(label);
        }

        private void jumpTo(Label target) {
            // labels are visited in code order: a target already passed is behind the jump
            if (passed.contains(target) && !refused.contains(Refusal.LOOP)) refused.add(Refusal.LOOP);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            jumpTo(label);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            jumpTo(dflt);
            for (Label l : labels) jumpTo(l);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            jumpTo(dflt);
            for (Label l : labels) jumpTo(l);
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode == Opcodes.MONITORENTER && !refused.contains(Refusal.MONITOR)) refused.add(Refusal.MONITOR);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            if (!CatchTypes.allowed(type)) refused.add(Refusal.caught(type));
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            refs.add(new MemberRef(owner, name, descriptor, MemberRef.Use.CALL));
            if ((owner + "." + name).equals(RULE_BUILDER) && lastString != null) ruleNames.add(lastString);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            boolean write = opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC;
            refs.add(new MemberRef(owner, name, descriptor, write ? MemberRef.Use.WRITE : MemberRef.Use.READ));
            if (opcode == Opcodes.GETSTATIC && name.equals("INSTANCE") && !owner.equals(this.owner)) lambdaClasses.add(owner);
        }

        @Override
        public void visitLdcInsn(Object value) {
            if (value instanceof String s) {
                lastString = s;
            } else if (value instanceof Handle || value instanceof ConstantDynamic
                    || (value instanceof Type t && t.getSort() == Type.METHOD)) {
                refused.add(Refusal.CONSTANT);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            if (!BOOTSTRAPS.contains(bootstrap.getOwner() + "." + bootstrap.getName())) {
                refused.add(Refusal.bootstrap(bootstrap.getOwner().replace('/', '.') + "." + bootstrap.getName()));
                return;
            }
            for (Object argument : arguments) {
                if (argument instanceof Handle h) {
                    refs.add(new MemberRef(h.getOwner(), h.getName(), h.getDesc(), MemberRef.Use.LAMBDA));
                    if (h.getOwner().equals(owner)) lambdaClasses.add(owner + "." + h.getName() + h.getDesc());
                } else if (argument instanceof ConstantDynamic) {
                    refused.add(Refusal.CONSTANT);
                }
            }
        }

        @Override
        public void visitEnd() {
            into.add(new ScannedMethod(owner, name, descriptor, isStatic, List.copyOf(refs), List.copyOf(refused),
                    List.copyOf(ruleNames), List.copyOf(lambdaClasses)));
        }
    }
}
