package dvk.io;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a CSV or XLSX batch, in the order of the committee's template: each with its field
 * name (the JSON field, nested ones with a dot) and the Vietnamese header committees type, as the
 * data contract lists them. A header is either, matched after Unicode NFC, trimming and ignoring case.
 */
public enum Column {
    YEAR("year", "Năm xét", Form.YEAR, Required.ALL),
    ID("id", "Mã hồ sơ", Form.TEXT, Required.ALL),
    MODEL_CODE("modelCode", "Mã mô hình", Form.TEXT, Required.NO),
    NAME("name", "Tên mô hình, công trình", Form.TEXT, Required.ALL),
    TYPE("type", "Loại", Form.CHOICE, Required.ALL),
    KIND("kind", "Tập thể hay cá nhân", Form.CHOICE, Required.MODEL),
    FIELD("field", "Lĩnh vực", Form.CHOICE, Required.ALL),
    SPONSOR("sponsor", "Đơn vị chủ trì", Form.TEXT, Required.ALL),
    COMMUNE("commune", "Xã, phường", Form.TEXT, Required.ALL),
    DISTRICT("district", "Quận, huyện", Form.TEXT, Required.ALL),
    CITY("city", "Tỉnh, thành phố", Form.TEXT, Required.ALL),
    START_DATE("startDate", "Ngày bắt đầu", Form.DATE, Required.MODEL),
    COMPLETED_DATE("completedDate", "Ngày hoàn thành", Form.DATE, Required.WORK),
    FUNDS_VND("fundsVnd", "Kinh phí huy động (đồng)", Form.WHOLE, Required.NO),
    LABOR_DAYS("laborDays", "Ngày công", Form.WHOLE, Required.NO),
    TOTAL_VALUE_VND("totalValueVnd", "Tổng giá trị công trình (đồng)", Form.WHOLE, Required.WORK),
    PEOPLE_CONTRIBUTION_VND("peopleContributionVnd", "Nhân dân đóng góp (đồng)", Form.WHOLE, Required.WORK),
    BENEFICIARIES("beneficiaries", "Số người hưởng lợi", Form.WHOLE, Required.NO),
    REPLICATION_SITES("replicationSites", "Số nơi nhân rộng", Form.WHOLE, Required.NO),
    APPROVAL_PERCENT("approvalPercent", "Tỷ lệ đồng thuận (%)", Form.PERCENT, Required.NO),
    PRIOR_RECOGNITIONS("priorRecognitions", "Đã được công nhận", Form.LIST, Required.NO),
    VIOLATIONS("violations", "Vi phạm", Form.LIST, Required.NO),
    DOSSIER_REPORT("dossier.report", "Có báo cáo thành tích", Form.YES_NO, Required.ALL),
    DOSSIER_CONFIRMATION("dossier.confirmation", "Có xác nhận của địa phương", Form.YES_NO, Required.ALL),
    DOSSIER_ACCEPTANCE("dossier.acceptance", "Có biên bản nghiệm thu", Form.YES_NO, Required.WORK),
    NOTES("notes", "Ghi chú", Form.TEXT, Required.NO);

    /** What a column's cells hold. */
    public enum Form { YEAR, TEXT, CHOICE, DATE, WHOLE, PERCENT, LIST, YES_NO }

    /** Which records must fill the column: every one, models, works, or none (optional). */
    public enum Required { ALL, MODEL, WORK, NO }

    private static final Map<String, Column> BY_HEADER = new HashMap<>();

    static {
        for (Column column : values()) {
            BY_HEADER.put(Names.matchKey(column.field), column);
            BY_HEADER.put(Names.matchKey(column.vietnamese), column);
        }
    }

    private final String field;
    private final String vietnamese;
    private final Form form;
    private final Required required;

    Column(String field, String vietnamese, Form form, Required required) {
        this.field = field;
        this.vietnamese = vietnamese;
        this.form = form;
        this.required = required;
    }

    /** The field's name in JSON ({@code fundsVnd}, {@code dossier.report}): the English header. */
    public String field() {
        return field;
    }

    /** The Vietnamese header: {@code Kinh phí huy động (đồng)}. */
    public String vietnamese() {
        return vietnamese;
    }

    public Form form() {
        return form;
    }

    public Required required() {
        return required;
    }

    /** The column a header names, in either language, or null. */
    public static Column of(String header) {
        return header == null ? null : BY_HEADER.get(Names.matchKey(header));
    }

    public static List<Column> all() {
        return Arrays.asList(values());
    }

    /**
     * The header nearest to an unknown one ({@code fundVnd} → {@code fundsVnd}, {@code Nam xet} →
     * {@code Năm xét}), in the language it seems to be written in, or null when none is near.
     */
    static String nearest(String header) {
        String key = Names.matchKey(header);
        String folded = Names.folded(key);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Column column : values()) {
            for (String name : List.of(column.field, column.vietnamese)) {
                String candidate = Names.matchKey(name);
                int distance = Math.min(distance(key, candidate), 1 + distance(folded, Names.folded(candidate)));
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = name;
                }
            }
        }
        int allowed = Math.max(2, key.length() / 3);
        return bestDistance <= allowed ? best : null;
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
