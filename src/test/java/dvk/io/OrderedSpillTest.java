package dvk.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fragments in input order, slots filled in any order: the same bytes to a stream and to a file. */
class OrderedSpillTest {
    @TempDir
    Path temp;

    @Test
    void slotsFilledInAnyOrderLandInTheirPlacesInAStreamAndInAFile() throws Exception {
        // 20,000 fragments, every seventh one a slot filled at the end in reverse order
        StringBuilder expected = new StringBuilder("header\n");
        try (OrderedSpill spill = new OrderedSpill("test")) {
            Random random = new Random(5);
            int slots = 0;
            for (int i = 0; i < 20_000; i++) {
                String fragment = "record " + i + " " + "x".repeat(random.nextInt(200)) + " Bát Tràng\n";
                expected.append(fragment);
                if (i % 7 == 0) {
                    spill.slot(i);
                    slots++;
                } else {
                    spill.append(fragment.getBytes(StandardCharsets.UTF_8));
                }
            }
            String[] lines = expected.toString().split("\n");
            for (int i = 20_000 - 1; i >= 0; i--) {
                if (i % 7 == 0) spill.fill(i, (lines[i + 1] + "\n").getBytes(StandardCharsets.UTF_8));
            }
            assertThat(slots).isGreaterThan(2_800);

            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            stream.write("header\n".getBytes(StandardCharsets.UTF_8));
            spill.copyTo(stream);
            Path file = temp.resolve("out.txt");
            AtomicFile.write(file, out -> {
                out.write("header\n".getBytes(StandardCharsets.UTF_8));
                spill.copyTo(out);
                out.write("end\n".getBytes(StandardCharsets.UTF_8));
            });

            assertThat(stream.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(expected + "end\n");
        }
    }
}
