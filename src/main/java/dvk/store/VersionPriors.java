package dvk.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * What the register told a version's evaluation, per nomination that carried a model code: the
 * prior recognitions given to the engine, each with its source, and the typed claims the register
 * contradicts or lacks. Written with the version; evaluating it again uses these.
 */
public final class VersionPriors {
    /** One nomination's: {@code priorsJson} {@code [{year, level, title, source, decisionNumber}]}, {@code flagsJson} {@code [{year, level, title, kind, registerYears}]}. */
    public record Stored(int position, String modelCode, boolean known, String priorsJson, String flagsJson) {}

    private final Handle handle;

    VersionPriors(Handle handle) {
        this.handle = handle;
    }

    public void add(long versionId, List<Stored> priors) {
        if (priors.isEmpty()) return;
        PreparedBatch batch = handle.prepareBatch("insert into version_priors (version_id, position, model_code, known, priors, flags)"
                + " values (:version, :position, :code, :known, :priors, :flags)");
        for (Stored p : priors) {
            batch.bind("version", versionId).bind("position", p.position()).bind("code", p.modelCode()).bind("known", p.known())
                    .bind("priors", p.priorsJson()).bind("flags", p.flagsJson()).add();
        }
        batch.execute();
    }

    /** A version's, by position. */
    public Map<Integer, Stored> of(long versionId) {
        Map<Integer, Stored> byPosition = new LinkedHashMap<>();
        handle.createQuery("select * from version_priors where version_id = :version order by position").bind("version", versionId)
                .map((rs, ctx) -> new Stored(rs.getInt("position"), rs.getString("model_code"), rs.getBoolean("known"),
                        rs.getString("priors"), rs.getString("flags")))
                .forEach(p -> byPosition.put(p.position(), p));
        return byPosition;
    }

    public Optional<Stored> of(long versionId, int position) {
        return Optional.ofNullable(of(versionId).get(position));
    }
}
