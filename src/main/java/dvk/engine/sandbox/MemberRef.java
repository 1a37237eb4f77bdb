package dvk.engine.sandbox;

/**
 * A member that compiled rule code refers to: a method or constructor it calls, a field it reads or
 * writes, or a method it makes a lambda of. Names are the class file's: {@code java/lang/String}.
 */
record MemberRef(String owner, String name, String descriptor, Use use) {

    enum Use { CALL, READ, WRITE, LAMBDA }

    /** The member as a person reads it: {@code java.lang.Runtime.exec}, {@code new java.io.File}. */
    String shown() {
        String type = owner.replace('/', '.');
        return name.equals("<init>") ? "new " + type : type + "." + name;
    }

    /** How the allowlist names it: {@code java.lang.String.length}. */
    String key() {
        return owner.replace('/', '.') + "." + name;
    }

    /** With the parameter types: {@code java.lang.String.replace(CC)}. */
    String keyWithParameters() {
        int close = descriptor.indexOf(')');
        return key() + (close < 0 ? "" : descriptor.substring(0, close + 1));
    }

    /** The simple name a rule's text would show for it: {@code exec}, or {@code File} for a constructor. */
    String wordInSource() {
        if (!name.equals("<init>")) return name;
        String simple = owner.substring(owner.lastIndexOf('/') + 1);
        return simple.substring(simple.lastIndexOf('$') + 1);
    }
}
