package dvk.web.view;

/** The form of a new round and its first file; filled in again when it is refused. */
public record NewRoundPage(int year, String name, String note, long maxUploadMegabytes) {}
