import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording's execution samples as collapsed stacks (one line per distinct stack: thread name, frames root
 * first as pkg/Class.method, count), the format bench/profile-groups.py reads from async-profiler; for machines where
 * async-profiler is not installed (JFR ships with the JDK; branch perf21). JFR samples Java threads running Java code
 * only (no GC or JIT threads, no native frames), so compare its figures with JFR's, not with async-profiler's.
 *   java bench/JfrCollapsed.java REC.jfr > OUT.collapsed
 * Recording: jcmd PID JFR.start settings=FILE.jfc (profile.jfc with jdk.ExecutionSample's period at 1 ms) ... JFR.stop
 * filename=REC.jfr
 */
public class JfrCollapsed {
    public static void main(String[] args) throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            List<String> frames = new ArrayList<>();
            for (RecordedFrame f : e.getStackTrace().getFrames()) {
                frames.add(f.getMethod().getType().getName().replace('.', '/') + "." + f.getMethod().getName());
            }
            Collections.reverse(frames);
            String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
            counts.merge(thread.replace(';', '_').replace(' ', '_') + ";" + String.join(";", frames), 1, Integer::sum);
        }
        counts.forEach((stack, n) -> System.out.println(stack + " " + n));
    }
}
