package dvk.io;

import dvk.domain.FieldOfWork;
import dvk.domain.Kind;
import dvk.domain.Level;
import dvk.domain.NominationType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Vietnamese words committees type for the codes of the data contract, accepted beside the codes
 * in CSV and XLSX (JSON stays codes only): {@code Mô hình} for {@code MODEL}, {@code Cấp huyện} for
 * {@code DISTRICT}, {@code Có}, {@code Không} and {@code x} for yes and no. Matched as headers are:
 * after NFC and trimming, ignoring case, either placement of a tone mark ({@code hoá}, {@code hóa}).
 */
public final class CommitteeValues {
    private static final Map<Class<?>, Map<Enum<?>, List<String>>> NAMES = Map.of(
            NominationType.class, Map.of(NominationType.MODEL, List.of("Mô hình"), NominationType.WORK, List.of("Công trình")),
            Kind.class, Map.of(Kind.COLLECTIVE, List.of("Tập thể"), Kind.INDIVIDUAL, List.of("Cá nhân")),
            FieldOfWork.class, Map.of(FieldOfWork.ECONOMIC, List.of("Kinh tế"),
                    FieldOfWork.CULTURE_SOCIETY, List.of("Văn hóa - xã hội"),
                    FieldOfWork.DEFENSE_SECURITY, List.of("Quốc phòng - an ninh"),
                    FieldOfWork.POLITICAL_SYSTEM, List.of("Xây dựng hệ thống chính trị")),
            Level.class, Map.of(Level.COMMUNE, List.of("Cấp xã"), Level.DISTRICT, List.of("Cấp huyện"),
                    Level.CITY, List.of("Cấp tỉnh", "Cấp thành phố")));
    public static final String YES = "Có";
    public static final String NO = "Không";
    private static final Map<String, Boolean> YES_NO = Map.of(
            Names.matchKey(YES), true, "x", true, "true", true,
            Names.matchKey(NO), false, "false", false);
    private static final Map<Class<?>, Map<String, Enum<?>>> BY_KEY = new HashMap<>();

    static {
        NAMES.forEach((type, names) -> {
            Map<String, Enum<?>> byKey = new HashMap<>();
            names.forEach((constant, words) -> {
                byKey.put(Names.matchKey(constant.name()), constant);
                words.forEach(w -> byKey.put(Names.matchKey(w), constant));
            });
            BY_KEY.put(type, byKey);
        });
    }

    private CommitteeValues() {}

    /** The Vietnamese word for a code ({@code MODEL} → {@code Mô hình}); the code itself when there is none. */
    public static String vietnamese(Enum<?> constant) {
        List<String> words = NAMES.getOrDefault(constant.getDeclaringClass(), Map.of()).get(constant);
        return words == null ? constant.name() : words.get(0);
    }

    /** Every Vietnamese word of a type's codes, in the codes' order: {@code Mô hình, Công trình}. */
    public static <E extends Enum<E>> List<String> vietnamese(Class<E> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(CommitteeValues::vietnamese).toList();
    }

    /** The code a committee's word or a code in any case names, or null. */
    static <E extends Enum<E>> E parse(Class<E> type, String text) {
        Enum<?> constant = BY_KEY.getOrDefault(type, Map.of()).get(Names.matchKey(text));
        if (constant == null) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(Names.clean(text))) return e;
            }
            return null;
        }
        return type.cast(constant);
    }

    /** {@code Có}, {@code x} or {@code true}; {@code Không} or {@code false} (any case), or null for anything else. */
    static Boolean yesNo(String text) {
        return YES_NO.get(Names.matchKey(text));
    }
}
