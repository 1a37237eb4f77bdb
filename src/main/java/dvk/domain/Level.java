package dvk.domain;

/** Administrative level of a recognition or a title. */
public enum Level { COMMUNE, DISTRICT, CITY }
