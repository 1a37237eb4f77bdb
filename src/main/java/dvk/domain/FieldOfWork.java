package dvk.domain;

/** The four fields (lĩnh vực) of the movement. */
public enum FieldOfWork { ECONOMIC, CULTURE_SOCIETY, DEFENSE_SECURITY, POLITICAL_SYSTEM }
