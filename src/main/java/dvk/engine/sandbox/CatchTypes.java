package dvk.engine.sandbox;

/**
 * Rule code may catch a JDK exception (a date that does not parse, say), never a Throwable or an
 * Error: the out-of-memory and stack-overflow backstops must reach the engine.
 */
final class CatchTypes {
    private CatchTypes() {}

    static boolean allowed(String internalName) {
        if (internalName == null) return false;
        try {
            // the platform loader: a JDK class, looked up without running its initialiser
            Class<?> type = Class.forName(internalName.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
            return Exception.class.isAssignableFrom(type);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
