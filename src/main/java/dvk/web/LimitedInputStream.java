package dvk.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A request's body read up to a limit: one byte more is refused as too large (413), saying the limit. */
final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private long read;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) count(1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) count(n);
        return n;
    }

    private void count(int n) {
        read += n;
        if (read > limit) throw tooLarge(limit);
    }

    static Refusal tooLarge(long limit) {
        return new Refusal(413, "too-large", "web.upload.tooLarge", limit / (1024 * 1024));
    }
}
