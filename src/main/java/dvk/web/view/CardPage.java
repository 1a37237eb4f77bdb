package dvk.web.view;

import dvk.report.CardView;
import dvk.report.Words;

/**
 * One nomination's decision with its reasons, on a page of the workspace: the report's own card
 * ({@link CardView}, drawn by {@code report/card.jte} as in {@code dvk evaluate --format html}), the
 * council's part (the register's priors and flags, the verdicts), and the way back to its round.
 */
public record CardPage(String roundName, String back, CardView card, Words words, CardCouncil council) {}
