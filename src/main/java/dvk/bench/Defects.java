package dvk.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Puts one realistic defect into an otherwise valid record, of the kinds the data contract says
 * are rejected: what committees' spreadsheets actually send (a blank cell, a minus sign, a unit
 * typed after a number, 30 February, next year typed for this one, an extra note column, 920 for
 * 92.0, a contribution larger than the total, an id used twice). A CSV file gets the same defect
 * in the same record, in CSV's terms: a number with its unit typed after it for a number as text,
 * and for an unknown field a note in a cell past the last column (an unknown column would fail
 * the whole batch, not one record).
 */
final class Defects {
    enum Defect {
        MISSING_FIELD, NEGATIVE_AMOUNT, NUMBER_AS_TEXT, FRACTION, IMPOSSIBLE_DATE, DATE_AFTER_REFERENCE,
        UNKNOWN_FIELD, APPROVAL_OVER_100, CONTRIBUTION_OVER_TOTAL, DUPLICATE_ID
    }

    private static final List<String> MODEL_REQUIRED = List.of("name", "kind", "field", "sponsor", "commune",
            "district", "startDate", "dossier.report", "dossier.confirmation");
    private static final List<String> WORK_REQUIRED = List.of("name", "field", "sponsor", "commune", "district",
            "completedDate", "totalValueVnd", "peopleContributionVnd", "dossier.acceptance");
    private static final String[] IMPOSSIBLE_DAYS = {"02-30", "02-31", "04-31", "06-31", "09-31", "11-31"};
    private static final String[][] NOTES = {{"ghiChu", "Đề nghị xét khen cấp thành phố"},
            {"ghi_chu", "Hồ sơ bổ sung sau"}, {"soDienThoai", "0912345678"}, {"nguoiLienHe", "Nguyễn Thị Mai"}};
    private static final String[] OVER_100 = {"100.5", "101", "105", "920"};

    private final int year;
    private final BatchFormat format;
    private final IntFunction<String> ids;
    /**
     * Records that do not carry their own id (they took an earlier one): a later duplicate must
     * copy an id that is really in the file. One bit a record, so a million records cost 125 KB.
     */
    private final BitSet borrowedIds = new BitSet();

    Defects(int year, BatchFormat format, IntFunction<String> ids) {
        this.year = year;
        this.format = format;
        this.ids = ids;
    }

    Defect spoil(Draft draft, int index, SplittableRandom random) {
        Defect defect = choose(draft, random, index > 0);
        int earlier = defect == Defect.DUPLICATE_ID ? earlierOwnId(index, random) : -1;
        if (defect == Defect.DUPLICATE_ID && earlier < 0) defect = Defect.MISSING_FIELD;
        switch (defect) {
            case MISSING_FIELD -> missing(draft, random);
            case NEGATIVE_AMOUNT -> {
                String name = draft.isWork() ? "beneficiaries"
                        : NameParts.pick(random, List.of("fundsVnd", "laborDays", "beneficiaries"));
                long value = (Long) draft.get(name);
                draft.put(name, -(value > 0 ? value : 1 + random.nextInt(100)));
            }
            case NUMBER_AS_TEXT -> {
                long value = (Long) draft.get("beneficiaries");
                draft.put("beneficiaries", format == BatchFormat.CSV ? value + " người" : Long.toString(value));
            }
            case FRACTION -> {
                String name = draft.isWork() ? "beneficiaries" : "laborDays";
                draft.put(name, new BigDecimal(draft.get(name) + (random.nextBoolean() ? ".5" : ".0")));
            }
            case IMPOSSIBLE_DATE -> draft.put(dateField(draft),
                    (year - 1 - random.nextInt(3)) + "-" + IMPOSSIBLE_DAYS[random.nextInt(IMPOSSIBLE_DAYS.length)]);
            case DATE_AFTER_REFERENCE -> {
                String name = dateField(draft);
                draft.put(name, LocalDate.parse((String) draft.get(name)).withYear(year + 1).toString());
            }
            case UNKNOWN_FIELD -> {
                String[] note = NOTES[random.nextInt(NOTES.length)];
                draft.put(note[0], note[1]);
            }
            case APPROVAL_OVER_100 ->
                    draft.put("approvalPercent", new BigDecimal(OVER_100[random.nextInt(OVER_100.length)]));
            case CONTRIBUTION_OVER_TOTAL -> {
                long total = (Long) draft.get("totalValueVnd");
                draft.put("peopleContributionVnd", total + Math.max(1, total / 5));
            }
            case DUPLICATE_ID -> {
                draft.put("id", ids.apply(earlier));
                borrowedIds.set(index);
            }
        }
        return defect;
    }

    /** A defect that fits the record (a duplicate needs an earlier record). */
    private Defect choose(Draft draft, SplittableRandom random, boolean hasEarlier) {
        List<Defect> fitting = new ArrayList<>(List.of(Defect.values()));
        if (!draft.isWork()) fitting.remove(Defect.CONTRIBUTION_OVER_TOTAL);
        if (!hasEarlier) fitting.remove(Defect.DUPLICATE_ID);
        return fitting.get(random.nextInt(fitting.size()));
    }

    /** An earlier record that carries its own id, or -1 (a few tries: borrowed ids are rare). */
    private int earlierOwnId(int index, SplittableRandom random) {
        for (int tries = 0; tries < 8; tries++) {
            int earlier = random.nextInt(index);
            if (!borrowedIds.get(earlier)) return earlier;
        }
        return -1;
    }

    /** A required field left out, or left blank (which counts as missing). */
    private static void missing(Draft draft, SplittableRandom random) {
        String name = NameParts.pick(random, draft.isWork() ? WORK_REQUIRED : MODEL_REQUIRED);
        boolean blank = random.nextInt(3) == 0;
        if (name.startsWith("dossier.")) {
            draft.dossier().remove(name.substring("dossier.".length()));
        } else if (blank && !(draft.get(name) instanceof Long)) {
            draft.put(name, " ");
        } else {
            draft.remove(name);
        }
    }

    private static String dateField(Draft draft) {
        return draft.isWork() ? "completedDate" : "startDate";
    }
}
