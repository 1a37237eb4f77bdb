package dvk.report;

import dvk.domain.Decision;

/**
 * Which nominations get a full card in the decisions report (score, titles awarded with their rules
 * and citations, every title missed and why): the per-title tables already show every awardee and
 * every near miss with its one failed criterion, so cards are on request. A card is 3 to 5 KB of
 * the page: the page of 10,000 generated records weighs 10 MB without cards, 55 MB with those of the
 * nominations awarded nothing (most of them) and 59 MB with all.
 */
public enum Cards {
    /** Every nomination's card. */
    ALL,
    /** The cards of the nominations awarded no title. */
    MISSED,
    /** No card (the default). */
    NONE;

    public boolean shows(Decision decision) {
        return switch (this) {
            case ALL -> true;
            case MISSED -> decision.awards().isEmpty();
            case NONE -> false;
        };
    }
}
