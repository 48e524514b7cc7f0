namespace Billing.Benchmarks;

/// <summary>
/// Where a scenario's CPU goes on this machine, from /proc: the database server's processes, this
/// harness (the clients), and the machine as a whole, so a latency figure can be read against how
/// busy the cores were while it was measured.
/// </summary>
internal sealed record CpuAccounting(double Server, double Clients, double MachineBusy, double MachineTotal)
{
    private const double TicksPerSecond = 100.0;

    public static CpuAccounting Now()
    {
        var machine = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        var idle = machine[3] + machine[4];
        return new CpuAccounting(
            ServerSeconds(),
            System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,
            (machine.Sum() - idle) / TicksPerSecond,
            machine.Sum() / TicksPerSecond);
    }

    /// <summary>This span's CPU divided over <paramref name="requests"/>: the host's (read from its own process), the server's, the clients', and how busy the machine was.</summary>
    public string PerRequest(double hostSeconds, int requests) =>
        $"host {hostSeconds * 1000 / requests:N3} ms, database server {Server * 1000 / requests:N3} ms, clients {Clients * 1000 / requests:N3} ms; the machine was {100 * MachineBusy / MachineTotal:N0} % busy";

    public CpuAccounting Since(CpuAccounting before) =>
        new(Server - before.Server, Clients - before.Clients, MachineBusy - before.MachineBusy, MachineTotal - before.MachineTotal);

    /// <summary>CPU seconds of every PostgreSQL process (postmaster and backends); 0 on SQLite, which runs inside the host.</summary>
    private static double ServerSeconds()
    {
        var total = 0L;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                if (name == "postgres")
                {
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    total += long.Parse(fields[11]) + long.Parse(fields[12]);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
            {
                // A process that ended while being read, or not a process directory.
            }
        }

        return total / TicksPerSecond;
    }
}
