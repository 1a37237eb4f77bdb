package dvk.domain;

/** Who runs a model: a collective (tập thể) or an individual (cá nhân). */
public enum Kind { COLLECTIVE, INDIVIDUAL }
