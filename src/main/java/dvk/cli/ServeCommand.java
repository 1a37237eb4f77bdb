package dvk.cli;

import dvk.engine.RulesException;
import dvk.store.Database;
import dvk.web.Workspace;
import dvk.web.WorkspaceBench;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the committee's workspace in the browser: accounts and roles, review rounds (upload a workbook,"
                    + " evaluate it, read the report, upload corrected versions), the policy workbench (the rules' catalog,"
                    + " drafts and their impact, saved versions in --data's rules.git, put in force by year), and an HTTP API"
                    + " for other systems."
                    + " Everything is kept in an embedded database under --data, or in PostgreSQL with --db.",
            "On the first start with an empty database, prints a one-time link that creates the administrator."
                    + " Prints one line per request. SIGTERM or Ctrl-C finishes the requests in flight (30 s at most) and stops."
        })
public final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "The address to listen on; 0.0.0.0 for every interface (put a TLS proxy in front). Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "The port; 0 picks a free one (printed). Default: ${DEFAULT-VALUE}.")
    int port;

    @CommandLine.Mixin
    DataOption data;

    @CommandLine.Mixin
    RulesOption rules;

    @CommandLine.Mixin
    RuleTimeoutOption ruleTimeout;

    @Option(names = "--max-upload", paramLabel = "MB", defaultValue = "50",
            description = "The largest file an upload may send, in MB. Default: ${DEFAULT-VALUE}.")
    int maxUploadMegabytes;

    @Option(names = "--evaluations", paramLabel = "N",
            description = "Uploads evaluated at once; more wait their turn. Default: the number of cores.")
    Integer evaluations;

    @Option(names = "--secure-cookies",
            description = "Mark cookies Secure whatever the request's scheme: for a TLS proxy in front of dvk (cookies are"
                    + " Secure anyway on a request that came over TLS).")
    boolean secureCookies;

    @Option(names = "--bench",
            description = "Measure instead of serving: a workspace on a temporary database, 20 users uploading the sample at"
                    + " once, and a Hà Nội-sized workbook (12,000 nominations) uploaded and its pages served; prints the figures.")
    boolean bench;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (maxUploadMegabytes < 1 || maxUploadMegabytes > 2048) {
            err.println("dvk: --max-upload is between 1 and 2048 MB");
            return ExitCodes.USAGE;
        }
        Workspace.Settings settings;
        try {
            settings = new Workspace.Settings(host, port, rules.library(), ruleTimeout.timeout(),
                    maxUploadMegabytes * 1024L * 1024L, secureCookies,
                    evaluations == null ? Runtime.getRuntime().availableProcessors() : evaluations, err, out, data.data);
        } catch (RulesException e) {
            RulesOption.print(err, "the rules cannot be used; the workspace did not start", e);
            return ExitCodes.RULES;
        }
        if (bench) return new WorkspaceBench(settings, out).run() ? ExitCodes.OK : ExitCodes.FINDINGS;

        Database database;
        try {
            database = Database.openMigrated(data.location());
        } catch (Exception e) {
            err.println("dvk: cannot open the database: " + rootMessage(e));
            return ExitCodes.USAGE;
        }
        Workspace workspace;
        try {
            workspace = new Workspace(settings, database, Clock.systemUTC()).start();
        } catch (RuntimeException e) {
            database.close();
            err.println("dvk: cannot serve on " + host + ":" + port + ": " + rootMessage(e));
            return ExitCodes.USAGE;
        }
        // SIGTERM and Ctrl-C stop the workspace here, before the JVM shuts down: H2 closes its
        // database in a shutdown hook of its own, which would run beside the requests being let finish
        CountDownLatch stopRequested = new CountDownLatch(1);
        for (String signal : List.of("TERM", "INT")) Signal.handle(new Signal(signal), s -> stopRequested.countDown());
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stop = () -> {
            if (!stopped.compareAndSet(false, true)) return;
            err.println("dvk: stopping: finishing the requests in flight");
            err.flush();
            workspace.stop();
            database.close();
            err.println("dvk: stopped");
            err.flush();
        };
        // any other way out (System.exit, the last thread ending) still stops as cleanly as it can
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "dvk serve: stop"));
        stopRequested.await();
        stop.run();
        return ExitCodes.OK;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
