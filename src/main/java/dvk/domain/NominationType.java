package dvk.domain;

/** A nominated model (mô hình) or a work (công trình). */
public enum NominationType { MODEL, WORK }
