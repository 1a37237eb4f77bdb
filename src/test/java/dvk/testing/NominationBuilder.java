package dvk.testing;

import dvk.domain.Dossier;
import dvk.domain.FieldOfWork;
import dvk.domain.Kind;
import dvk.domain.Level;
import dvk.domain.Nomination;
import dvk.domain.NominationType;
import dvk.domain.PriorRecognition;
import dvk.domain.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Nominations for rule tests, for the year 2024. {@link #model} starts as a model that earns every
 * model title (score 100, commune and district recognitions, complete dossier); {@link #work}
 * as a work that earns the city sign. A test changes the one field it is about.
 */
public final class NominationBuilder implements FactBuilder {
    private final String id;
    private final NominationType type;
    private String name = "Mô hình thử nghiệm";
    private String district = "Gia Lâm";
    private LocalDate startDate;
    private LocalDate completedDate;
    private long funds;
    private long laborDays;
    private long beneficiaries;
    private long replicationSites;
    private BigDecimal approval;
    private long totalValue;
    private long peopleContribution;
    private final List<PriorRecognition> priors = new ArrayList<>();
    private final List<Violation> violations = new ArrayList<>();
    private boolean report = true;
    private boolean confirmation = true;
    private boolean acceptance = true;

    private NominationBuilder(String id, NominationType type) {
        this.id = id;
        this.type = type;
    }

    /** 100 points: 59 months, 1,000 M VND, 5,000 people, 5 sites, 95 % approval. */
    public static NominationBuilder model(String id) {
        NominationBuilder b = new NominationBuilder(id, NominationType.MODEL);
        b.startDate = LocalDate.of(2020, 1, 1);
        b.funds = 1_000_000_000L;
        b.beneficiaries = 5_000;
        b.replicationSites = 5;
        b.approval = BigDecimal.valueOf(95);
        b.priors.add(new PriorRecognition(2022, Level.COMMUNE, "COMMUNE_MODEL"));
        b.priors.add(new PriorRecognition(2023, Level.DISTRICT, "DISTRICT_MODEL"));
        return b;
    }

    /** 11 months in use, 200 M VND of which 90 % from the people, 95 % approval, 800 people. */
    public static NominationBuilder work(String id) {
        NominationBuilder b = new NominationBuilder(id, NominationType.WORK);
        b.name = "Công trình thử nghiệm";
        b.completedDate = LocalDate.of(2024, 1, 1);
        b.totalValue = 200_000_000L;
        b.peopleContribution = 180_000_000L;
        b.approval = BigDecimal.valueOf(95);
        b.beneficiaries = 800;
        return b;
    }

    public NominationBuilder name(String value) { name = value; return this; }
    public NominationBuilder district(String value) { district = value; return this; }
    public NominationBuilder startDate(String value) { return startDate(LocalDate.parse(value)); }
    public NominationBuilder startDate(LocalDate value) { startDate = value; return this; }
    public NominationBuilder completedDate(String value) { return completedDate(LocalDate.parse(value)); }
    public NominationBuilder completedDate(LocalDate value) { completedDate = value; return this; }
    public NominationBuilder funds(long value) { funds = value; return this; }
    public NominationBuilder laborDays(long value) { laborDays = value; return this; }
    public NominationBuilder beneficiaries(long value) { beneficiaries = value; return this; }
    public NominationBuilder replicationSites(long value) { replicationSites = value; return this; }
    public NominationBuilder approval(String value) { approval = new BigDecimal(value); return this; }
    public NominationBuilder totalValue(long value) { totalValue = value; return this; }
    public NominationBuilder peopleContribution(long value) { peopleContribution = value; return this; }
    public NominationBuilder noPriors() { priors.clear(); return this; }
    public NominationBuilder prior(int year, Level level, String title) { priors.add(new PriorRecognition(year, level, title)); return this; }
    public NominationBuilder violation(int year) { violations.add(new Violation(year, "vi phạm năm " + year)); return this; }
    public NominationBuilder report(boolean value) { report = value; return this; }
    public NominationBuilder confirmation(boolean value) { confirmation = value; return this; }
    public NominationBuilder acceptance(boolean value) { acceptance = value; return this; }

    @Override
    public Nomination build() {
        boolean model = type == NominationType.MODEL;
        return new Nomination(id, name, type, model ? Kind.COLLECTIVE : null, FieldOfWork.CULTURE_SOCIETY,
                "Mặt trận Tổ quốc xã Đặng Xá", "Đặng Xá", district, "Hà Nội", model ? startDate : null,
                model ? null : completedDate, funds, laborDays, beneficiaries, replicationSites, approval,
                totalValue, peopleContribution, priors, violations, new Dossier(report, confirmation, acceptance));
    }
}
