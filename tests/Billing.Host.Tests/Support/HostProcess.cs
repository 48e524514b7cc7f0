using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Billing.Testing;

namespace Billing.Host.Tests.Support;

/// <summary>
/// The product as a separate operating-system process on loopback, so a test can kill it with
/// SIGKILL — no shutdown hooks, no flushing — and start it again on the same database.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    public const string AdminKey = "process-admin-key-000000000000001";

    private readonly Process _process;

    private HostProcess(Process process, int port)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
    }

    private readonly List<string> _output = [];
    private readonly SemaphoreSlim _lineWritten = new(0);

    public HttpClient Client { get; }

    /// <summary>
    /// Starts <c>Billing.Host.dll</c> from <paramref name="hostDirectory"/> (the tests' own output by
    /// default) with <paramref name="workingDirectory"/> as its working directory (the same by default).
    /// </summary>
    public static async Task<HostProcess> StartAsync(
        string databasePath,
        IReadOnlyDictionary<string, string>? settings = null,
        string? hostDirectory = null,
        string? workingDirectory = null)
    {
        var hostDll = Path.Combine(hostDirectory ?? AppContext.BaseDirectory, "Billing.Host.dll");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", $"\"{hostDll}\" --urls http://127.0.0.1:{port}")
        {
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in TestDatabases.SettingsFor(databasePath))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["Billing__DataProtection__KeysPath"] = databasePath + ".keys";
        start.Environment["Billing__ApiKeys__0__Key"] = AdminKey;
        start.Environment["Billing__ApiKeys__0__Environment"] = "test";
        start.Environment["Billing__ApiKeys__0__Role"] = "admin";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
        var host = new HostProcess(process, port);
        process.OutputDataReceived += (_, line) => host.Received(line.Data);
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await host.WaitUntilHealthyAsync();
        return host;
    }

    /// <summary>Waits until the host has written <paramref name="count"/> lines containing <paramref name="text"/> (a condition, not a time).</summary>
    public async Task WaitForOutputAsync(string text, int count, Task giveUpWhen, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromMinutes(2));
        var (seen, found) = (0, 0);
        while (true)
        {
            // Each line is looked at once: a chatty host writes thousands while a test waits.
            var lines = LinesSince(seen);
            found += lines.Count(line => line.Contains(text, StringComparison.Ordinal));
            seen += lines.Count;
            if (found >= count)
            {
                return;
            }

            var next = _lineWritten.WaitAsync(timeout.Token);
            if (await Task.WhenAny(next, giveUpWhen) == giveUpWhen)
            {
                return;
            }
        }
    }

    public int OutputCount(string text) => Output.Count(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>Everything the host has written so far (its log lines), for a failing test's message.</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToList();
            }
        }
    }

    private List<string> LinesSince(int index)
    {
        lock (_output)
        {
            return _output.GetRange(index, _output.Count - index);
        }
    }

    private void Received(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }

            _lineWritten.Release();
        }
    }

    /// <summary>SIGKILL: the process ends at once, whatever it was doing.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        Client.Dispose();
        _process.Dispose();
    }

    /// <summary>
    /// Waits on a condition, not a time: Kestrel's "Now listening on" line (the host migrates, prepares
    /// its key ring and clock before it listens), then one /health. The wait used to ask /health in a
    /// loop, which spun a core on refused connections while the host started beside it. Three
    /// minutes: a host starting while other host processes and test assemblies hold both cores took
    /// more than one in a clean-clone CI run. A host that never answers fails with its last output.
    /// </summary>
    private async Task WaitUntilHealthyAsync()
    {
        try
        {
            await WaitForOutputAsync("Now listening on", 1, giveUpWhen: _process.WaitForExitAsync(), within: TimeSpan.FromMinutes(3));
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The host did not listen within 3 minutes; its last output:{Environment.NewLine}{LastOutput()}");
        }

        if (_process.HasExited)
        {
            throw new InvalidOperationException($"The host exited with code {_process.ExitCode} before answering; its last output:{Environment.NewLine}{LastOutput()}");
        }

        var health = await Client.GetAsync("/health");
        if (health.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The host listens but /health answered {health.StatusCode}; its last output:{Environment.NewLine}{LastOutput()}");
        }
    }

    private string LastOutput() => string.Join(Environment.NewLine, Output.TakeLast(20));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
