package dvk.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The 30 districts of Hà Nội (12 urban districts, the town of Sơn Tây, 17 rural districts, as before
 * the 2025 reform) with a few of their communes. Each district has a weight: real batches are
 * lopsided (a large rural district with an active movement sends many more nominations than a
 * small urban one), and a heavy district is where the CITY_MODEL quota of 3 is contested.
 */
final class HanoiPlaces {
    static final String CITY = "Hà Nội";

    /** A commune-level unit: its kind ("xã", "phường", "thị trấn") and its name. */
    record Commune(String unit, String name) {
        String full() {
            return unit + " " + name;
        }

        boolean urban() {
            return !unit.equals("xã");
        }
    }

    record District(String name, int weight, List<Commune> communes) {}

    static final List<District> DISTRICTS = List.of(
            urban("Ba Đình", 2, "Phúc Xá", "Trúc Bạch", "Vĩnh Phúc", "Cống Vị", "Liễu Giai", "Ngọc Hà", "Kim Mã", "Đội Cấn"),
            urban("Hoàn Kiếm", 1, "Hàng Bạc", "Hàng Buồm", "Hàng Trống", "Lý Thái Tổ", "Tràng Tiền", "Phúc Tân", "Đồng Xuân"),
            urban("Tây Hồ", 1, "Bưởi", "Nhật Tân", "Quảng An", "Tứ Liên", "Xuân La", "Yên Phụ", "Phú Thượng"),
            urban("Long Biên", 4, "Bồ Đề", "Gia Thụy", "Ngọc Lâm", "Ngọc Thụy", "Phúc Đồng", "Sài Đồng", "Thạch Bàn", "Việt Hưng"),
            urban("Cầu Giấy", 2, "Dịch Vọng", "Mai Dịch", "Nghĩa Đô", "Nghĩa Tân", "Quan Hoa", "Trung Hòa", "Yên Hòa"),
            urban("Đống Đa", 2, "Cát Linh", "Kim Liên", "Láng Hạ", "Láng Thượng", "Ô Chợ Dừa", "Trung Liệt", "Văn Chương"),
            urban("Hai Bà Trưng", 2, "Bạch Đằng", "Bách Khoa", "Minh Khai", "Thanh Lương", "Trương Định", "Vĩnh Tuy"),
            urban("Hoàng Mai", 3, "Đại Kim", "Định Công", "Giáp Bát", "Hoàng Liệt", "Lĩnh Nam", "Tân Mai", "Yên Sở"),
            urban("Thanh Xuân", 1, "Hạ Đình", "Khương Đình", "Khương Trung", "Nhân Chính", "Kim Giang", "Thượng Đình"),
            urban("Nam Từ Liêm", 2, "Cầu Diễn", "Mễ Trì", "Phú Đô", "Tây Mỗ", "Đại Mỗ", "Xuân Phương", "Trung Văn"),
            urban("Bắc Từ Liêm", 2, "Cổ Nhuế 1", "Đông Ngạc", "Phú Diễn", "Thượng Cát", "Thụy Phương", "Xuân Đỉnh", "Tây Tựu"),
            urban("Hà Đông", 3, "Biên Giang", "Dương Nội", "Kiến Hưng", "La Khê", "Mộ Lao", "Phú Lãm", "Văn Quán", "Yên Nghĩa"),
            rural("Sơn Tây", 2, List.of("phường Lê Lợi", "phường Ngô Quyền", "phường Quang Trung", "phường Trung Hưng"),
                    "Đường Lâm", "Cổ Đông", "Kim Sơn", "Thanh Mỹ"),
            rural("Ba Vì", 5, List.of("thị trấn Tây Đằng"), "Ba Trại", "Ba Vì", "Cẩm Lĩnh", "Tản Lĩnh", "Vân Hòa",
                    "Minh Quang", "Thuần Mỹ"),
            rural("Chương Mỹ", 6, List.of("thị trấn Chúc Sơn", "thị trấn Xuân Mai"), "Đông Sơn", "Hoàng Văn Thụ",
                    "Phụng Châu", "Thủy Xuân Tiên", "Trường Yên", "Ngọc Hòa"),
            rural("Đan Phượng", 2, List.of("thị trấn Phùng"), "Đan Phượng", "Hạ Mỗ", "Liên Hà", "Tân Hội", "Thọ An",
                    "Song Phượng"),
            rural("Đông Anh", 12, List.of("thị trấn Đông Anh"), "Cổ Loa", "Dục Tú", "Hải Bối", "Kim Chung", "Liên Hà",
                    "Mai Lâm", "Uy Nỗ", "Vân Nội", "Xuân Nộn", "Tiên Dương"),
            rural("Gia Lâm", 20, List.of("thị trấn Trâu Quỳ", "thị trấn Yên Viên"), "Bát Tràng", "Đa Tốn", "Đặng Xá",
                    "Kiêu Kỵ", "Ninh Hiệp", "Phù Đổng", "Văn Đức", "Kim Lan", "Dương Xá", "Cổ Bi"),
            rural("Hoài Đức", 3, List.of("thị trấn Trạm Trôi"), "An Khánh", "Đức Giang", "Kim Chung", "La Phù",
                    "Sơn Đồng", "Vân Canh"),
            rural("Mê Linh", 4, List.of("thị trấn Chi Đông", "thị trấn Quang Minh"), "Mê Linh", "Tiền Phong",
                    "Tráng Việt", "Văn Khê", "Thạch Đà"),
            rural("Mỹ Đức", 2, List.of("thị trấn Đại Nghĩa"), "Hương Sơn", "An Phú", "Hợp Thanh", "Phúc Lâm",
                    "Phù Lưu Tế"),
            rural("Phú Xuyên", 2, List.of("thị trấn Phú Xuyên", "thị trấn Phú Minh"), "Chuyên Mỹ", "Nam Phong",
                    "Phú Túc", "Quang Trung", "Tri Trung"),
            rural("Phúc Thọ", 2, List.of("thị trấn Phúc Thọ"), "Hát Môn", "Ngọc Tảo", "Tam Hiệp", "Vân Phúc",
                    "Xuân Đình"),
            rural("Quốc Oai", 2, List.of("thị trấn Quốc Oai"), "Cấn Hữu", "Đông Yên", "Phú Mãn", "Sài Sơn", "Thạch Thán"),
            rural("Sóc Sơn", 8, List.of("thị trấn Sóc Sơn"), "Bắc Sơn", "Minh Phú", "Phù Linh", "Tân Minh", "Trung Giã",
                    "Xuân Giang", "Hồng Kỳ"),
            rural("Thạch Thất", 2, List.of("thị trấn Liên Quan"), "Bình Phú", "Cần Kiệm", "Hương Ngải", "Phùng Xá",
                    "Thạch Hòa", "Tiến Xuân"),
            rural("Thanh Oai", 3, List.of("thị trấn Kim Bài"), "Bích Hòa", "Cự Khê", "Dân Hòa", "Mỹ Hưng", "Tam Hưng",
                    "Thanh Cao"),
            rural("Thanh Trì", 3, List.of("thị trấn Văn Điển"), "Tả Thanh Oai", "Tam Hiệp", "Ngũ Hiệp", "Vĩnh Quỳnh",
                    "Yên Mỹ", "Tân Triều"),
            rural("Thường Tín", 4, List.of("thị trấn Thường Tín"), "Hà Hồi", "Nhị Khê", "Tô Hiệu", "Văn Bình", "Vạn Điểm",
                    "Ninh Sở"),
            rural("Ứng Hòa", 2, List.of("thị trấn Vân Đình"), "Đồng Tiến", "Hòa Xá", "Liên Bạt", "Phương Tú",
                    "Trầm Lộng", "Quảng Phú Cầu"));

    private static final int TOTAL_WEIGHT = DISTRICTS.stream().mapToInt(District::weight).sum();

    /** The district of {@link Districts#ONE}: Gia Lâm, the sample's district and the busiest. */
    static final District ONE_DISTRICT = DISTRICTS.stream().filter(d -> d.name().equals("Gia Lâm")).findFirst().orElseThrow();

    private HanoiPlaces() {}

    private static District urban(String name, int weight, String... wards) {
        return new District(name, weight, Arrays.stream(wards).map(w -> new Commune("phường", w)).toList());
    }

    /** A rural district (or the town of Sơn Tây): its towns or wards given with their unit, then its communes. */
    private static District rural(String name, int weight, List<String> towns, String... communes) {
        List<Commune> all = new ArrayList<>();
        for (String town : towns) {
            int space = town.startsWith("thị trấn") ? "thị trấn".length() : town.indexOf(' ');
            all.add(new Commune(town.substring(0, space), town.substring(space + 1)));
        }
        for (String commune : communes) {
            all.add(new Commune("xã", commune));
        }
        return new District(name, weight, List.copyOf(all));
    }

    /** A district drawn by weight; a walk over a fixed list, so the draw depends on nothing but the random number. */
    static District district(SplittableRandom random) {
        int ticket = random.nextInt(TOTAL_WEIGHT);
        for (District district : DISTRICTS) {
            ticket -= district.weight();
            if (ticket < 0) return district;
        }
        throw new AssertionError("weights add up to " + TOTAL_WEIGHT);
    }
}
