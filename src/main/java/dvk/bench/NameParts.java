package dvk.bench;

import dvk.bench.HanoiPlaces.Commune;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Names and sponsors built from parts, the way nominations are named in real batches: who runs the
 * model, what for, where ("Chi hội phụ nữ phân loại rác thải tại nguồn thôn Đoài, xã Đa Tốn"); a
 * person with their role for an individual model; the thing built for a work. The sponsor is the
 * mass organisation that fits the subject (a women's branch is sponsored by the Women's Union).
 */
final class NameParts {
    static final String[] FIELDS = {"ECONOMIC", "CULTURE_SOCIETY", "DEFENSE_SECURITY", "POLITICAL_SYSTEM"};

    private static final String FRONT = "Mặt trận Tổ quốc";
    private static final String WOMEN = "Hội Liên hiệp Phụ nữ";
    private static final String FARMERS = "Hội Nông dân";
    private static final String VETERANS = "Hội Cựu chiến binh";
    private static final String YOUTH = "Đoàn Thanh niên";
    private static final String POLICE = "Công an";
    private static final List<String> ORGANISATIONS = List.of(FRONT, WOMEN, FARMERS, VETERANS, YOUTH, POLICE,
            "Đảng ủy", "Ủy ban nhân dân");

    /** Who runs a collective model, and the organisation that sponsors it (null: any). */
    private record Subject(String text, String sponsor) {}

    private static final List<Subject> SUBJECTS = List.of(
            new Subject("Tổ tự quản", FRONT), new Subject("Mô hình", null), new Subject("Chi hội phụ nữ", WOMEN),
            new Subject("Chi hội nông dân", FARMERS), new Subject("Chi hội cựu chiến binh", VETERANS),
            new Subject("Chi đoàn thanh niên", YOUTH), new Subject("Câu lạc bộ", null), new Subject("Tổ liên gia", POLICE),
            new Subject("Cụm dân cư", FRONT), new Subject("Đội tuyên truyền", null), new Subject("Tổ hợp tác", FARMERS));

    /** Purposes by field, in the order of {@link #FIELDS}. */
    private static final List<List<String>> PURPOSES = List.of(
            List.of("sản xuất rau an toàn", "hỗ trợ hội viên phát triển kinh tế", "liên kết trồng bưởi, cam theo chuỗi",
                    "chuyển đổi cơ cấu cây trồng", "nuôi trồng nấm sạch", "tiết kiệm, vay vốn giúp nhau thoát nghèo",
                    "truyền nghề cho lao động nông thôn"),
            List.of("vệ sinh môi trường", "phân loại rác thải tại nguồn", "tuyến đường hoa, cây xanh",
                    "xây dựng gia đình 5 không 3 sạch", "khuyến học, khuyến tài", "chăm sóc người cao tuổi",
                    "bảo tồn dân ca, lễ hội truyền thống", "hiến đất mở rộng đường giao thông nông thôn"),
            List.of("phòng cháy chữa cháy", "đảm bảo an ninh trật tự", "camera an ninh khu dân cư",
                    "phòng, chống ma túy", "hòa giải ở cơ sở", "phòng, chống thiên tai"),
            List.of("sinh hoạt chi bộ gắn với lấy ý kiến nhân dân", "tiếp xúc, đối thoại với nhân dân",
                    "chuyển đổi số, dịch vụ công trực tuyến", "giám sát đầu tư của cộng đồng",
                    "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"));

    /** What a work is, with its field. */
    private record WorkKind(String text, String field) {}

    private static final List<WorkKind> WORKS = List.of(
            new WorkKind("Nhà văn hóa", "CULTURE_SOCIETY"), new WorkKind("Sân thể thao đa năng", "CULTURE_SOCIETY"),
            new WorkKind("Hệ thống chiếu sáng đường làng, ngõ xóm", "CULTURE_SOCIETY"),
            new WorkKind("Vườn hoa, sân chơi thiếu nhi", "CULTURE_SOCIETY"),
            new WorkKind("Nhà bia tưởng niệm liệt sĩ", "CULTURE_SOCIETY"),
            new WorkKind("Hệ thống camera an ninh", "DEFENSE_SECURITY"),
            new WorkKind("Đường trục mở rộng nhờ nhân dân hiến đất", "ECONOMIC"),
            new WorkKind("Cầu dân sinh", "ECONOMIC"), new WorkKind("Kênh mương nội đồng", "ECONOMIC"),
            new WorkKind("Hệ thống lọc nước sạch", "CULTURE_SOCIETY"));

    private static final List<String> VILLAGES = List.of("Đông", "Đoài", "Thượng", "Trung", "Hạ", "Nam", "Bắc",
            "Tiền", "Hậu", "An Lạc", "Yên Bình", "Đồng Tâm", "Hòa Bình", "Phú Mỹ");
    private static final List<String> FAMILY = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi",
            "Đặng", "Ngô", "Dương", "Phan");
    private static final List<String> MEN = List.of("Hùng", "Thành", "Bình", "Tuấn", "Dũng", "Hải", "Tiến", "Quang");
    private static final List<String> WOMEN_NAMES = List.of("Lan", "Hạnh", "Hoa", "Mai", "Hương", "Thủy", "Nga", "Yến");
    private static final List<String> ROLES = List.of("trưởng thôn", "Bí thư Chi bộ", "tổ trưởng tổ dân phố",
            "cựu chiến binh", "Chi hội trưởng Phụ nữ", "hội viên nông dân", "Trưởng ban công tác Mặt trận");
    static final List<String> VIOLATIONS = List.of("Vi phạm trật tự xây dựng tại công trình của mô hình",
            "Sử dụng kinh phí vận động sai mục đích", "Để xảy ra cháy do bất cẩn tại khu dân cư",
            "Kê khai số người hưởng lợi không đúng thực tế", "Người phụ trách bị kỷ luật khiển trách");

    /** A name with the organisation that puts it forward and the field (a work's field follows from what it is). */
    record Named(String name, String sponsor, String field) {}

    private NameParts() {}

    static Named collectiveModel(SplittableRandom random, int field, Commune commune) {
        Subject subject = pick(random, SUBJECTS);
        String name = subject.text() + " " + pick(random, PURPOSES.get(field)) + " " + place(random, commune);
        String organisation = subject.sponsor() != null ? subject.sponsor() : pick(random, ORGANISATIONS);
        return new Named(name, organisation + " " + commune.full(), FIELDS[field]);
    }

    static Named individualModel(SplittableRandom random, int field, Commune commune) {
        boolean man = random.nextBoolean();
        String person = (man ? "Ông " : "Bà ") + pick(random, FAMILY) + (man ? " Văn " : " Thị ")
                + pick(random, man ? MEN : WOMEN_NAMES);
        String name = person + ", " + pick(random, ROLES) + " " + place(random, commune) + ", vận động nhân dân "
                + pick(random, PURPOSES.get(field));
        return new Named(name, pick(random, ORGANISATIONS) + " " + commune.full(), FIELDS[field]);
    }

    static Named work(SplittableRandom random, Commune commune) {
        WorkKind kind = pick(random, WORKS);
        String sponsor = random.nextInt(3) == 0 ? "Ủy ban nhân dân" : FRONT;
        return new Named(kind.text() + " " + place(random, commune), sponsor + " " + commune.full(), kind.field());
    }

    /** Where in the commune: a village or residential group, or the whole commune. */
    private static String place(SplittableRandom random, Commune commune) {
        int choice = random.nextInt(4);
        if (choice == 0) return commune.full();
        String part = commune.urban()
                ? "tổ dân phố số " + (1 + random.nextInt(24))
                : "thôn " + pick(random, VILLAGES);
        return part + ", " + commune.full();
    }

    static <T> T pick(SplittableRandom random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
