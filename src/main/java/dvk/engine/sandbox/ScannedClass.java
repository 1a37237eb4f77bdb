package dvk.engine.sandbox;

import java.util.List;

/** What the check needs of one generated class: its shape and, per method, what the code does. */
record ScannedClass(String name, String superName, List<String> interfaces, List<ScannedMethod> methods) {

    /** One method's code: the members it uses and the constructs the sandbox refuses. */
    record ScannedMethod(String owner, String name, String descriptor, boolean isStatic, List<MemberRef> refs,
                         List<String> refused, List<String> ruleNames, List<String> lambdaClasses) {

        String key() {
            return owner + "." + name + descriptor;
        }
    }

    String simpleName() {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    String packageName() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }
}
