package dvk.store;

/** Who makes a change, as the audit log records it: a user, or the setup link before there is one. */
public record Actor(Long userId, String name, String ip) {
    public static Actor of(User user, String ip) {
        return new Actor(user.id(), user.login(), ip);
    }

    public static Actor setup(String ip) {
        return new Actor(null, "setup", ip);
    }
}
