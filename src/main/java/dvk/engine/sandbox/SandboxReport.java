package dvk.engine.sandbox;

import java.util.List;
import java.util.Map;

/**
 * What the sandbox found in a rule set's generated classes, and, for every class that holds rule
 * code, the rule it came from (the engine names the rule that was running from a thread's stack).
 */
public record SandboxReport(List<Finding> findings, Map<String, String> ruleOfClass) {

    public boolean clean() {
        return findings.isEmpty();
    }
}
