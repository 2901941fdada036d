package cn.talentexchange.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time by thread pool over a run, to see who uses the two cores: the fake's server threads, the SDK's,
 * the embedded database's, the driver's. Pools are told apart by thread name with the numbers taken out.
 * Threads that end during the run take their time with them, so the groups may add up to a little less.
 */
final class ThreadCpu {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private final Map<Long, Long> startByThread;

	private final long processStart;

	private final long wallStart;

	private ThreadCpu() {
		this.startByThread = cpuByThread();
		this.processStart = processCpu();
		this.wallStart = System.nanoTime();
	}

	static ThreadCpu start() {
		return new ThreadCpu();
	}

	/** The process's CPU since the start, in cores (1.0 = one core busy all the time), and the largest groups. */
	String summary(int groups) {
		double wall = System.nanoTime() - wallStart;
		Map<String, Long> byGroup = new HashMap<>();
		for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
			if (info == null) {
				continue;
			}
			long now = THREADS.getThreadCpuTime(info.getThreadId());
			if (now < 0) {
				continue;
			}
			long used = now - startByThread.getOrDefault(info.getThreadId(), 0L);
			byGroup.merge(group(info.getThreadName()), used, Long::sum);
		}
		String top = byGroup.entrySet().stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(groups)
			.map(entry -> String.format(Locale.ROOT, "%s %.2f", entry.getKey(), entry.getValue() / wall))
			.collect(Collectors.joining(", "));
		return String.format(Locale.ROOT, "process %.2f cores (JIT and GC included); by thread pool: %s",
				(processCpu() - processStart) / wall, top);
	}

	private static String group(String threadName) {
		return threadName.replaceAll("\\d+", "#");
	}

	private static Map<Long, Long> cpuByThread() {
		Map<Long, Long> cpu = new HashMap<>();
		for (long id : THREADS.getAllThreadIds()) {
			long time = THREADS.getThreadCpuTime(id);
			if (time >= 0) {
				cpu.put(id, time);
			}
		}
		return cpu;
	}

	private static long processCpu() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

}
