package dvk.app;

/** Stands in for a child whose draft hangs (the compiler stuck, a loop the deadline cannot reach): it never ends. */
public final class HangingDraft {
    public static void main(String[] args) throws InterruptedException {
        System.out.println("x".repeat(100_000)); // more than the runner keeps
        Thread.sleep(Long.MAX_VALUE);
    }
}
