package dvk.web.view;

import java.util.List;

/** One nomination's decision with its reasons: the score's parts, each title awarded and why, each title missed and why. */
public record CardPage(String roundName, String back, String id, String name, String type, String kind, String field,
                       String sponsor, String commune, String district, String city, Integer score, List<Part> parts,
                       List<Award> awards, List<Missed> missed, CardCouncil council) {

    public record Part(String name, int points) {}

    public record Award(String title, String name, String rule, String cite) {}

    public record Missed(String title, String name, List<Failed> failed) {}

    public record Failed(String criterion, String actual, String required, String rule, String cite) {}
}
