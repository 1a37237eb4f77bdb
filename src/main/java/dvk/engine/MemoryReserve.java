package dvk.engine;

/**
 * A few megabytes held back while rules run, given up when the heap runs out: the threads that then
 * report which rule filled the heap, and write nothing, need a little memory to do it.
 */
final class MemoryReserve {
    private static volatile byte[] reserve = new byte[8 << 20];

    private MemoryReserve() {}

    static void release() {
        reserve = null;
    }
}
