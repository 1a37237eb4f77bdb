package dvk.app;

import java.util.ArrayList;
import java.util.List;

/** Stands in for a child whose draft fills the heap outside any rule session. */
public final class GreedyDraft {
    public static void main(String[] args) {
        List<long[]> kept = new ArrayList<>();
        try {
            while (true) kept.add(new long[1 << 20]);
        } catch (OutOfMemoryError e) {
            kept.clear();
            System.err.println("dvk draft: out of memory");
            System.exit(DraftMain.OUT_OF_MEMORY);
        }
    }
}
