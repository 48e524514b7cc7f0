using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Billing.Benchmarks;

/// <summary>The product, built in Release, as its own process on loopback with a fresh database.</summary>
internal sealed class HostUnderTest : IAsyncDisposable
{
    public const string AdminKey = "benchmark-admin-key-0000000000001";

    private readonly Process _process;

    private HostUnderTest(Process process, HttpClient client)
    {
        _process = process;
        Client = client;
    }

    public HttpClient Client { get; }

    public int ProcessId => _process.Id;

    public static async Task<HostUnderTest> StartAsync(string hostDll, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", $"\"{hostDll}\" --urls http://127.0.0.1:{port}")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Billing__ApiKeys__0__Key"] = AdminKey;
        start.Environment["Billing__ApiKeys__0__Environment"] = "test";
        start.Environment["Billing__ApiKeys__0__Role"] = "admin";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) Console.Error.WriteLine("host: " + line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        var host = new HostUnderTest(process, client);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                await Task.Yield();
            }
        }

        throw new InvalidOperationException("The host did not become healthy within 60 s.");
    }

    /// <summary>Peak resident set size (VmHWM) of the host so far, in MB.</summary>
    public double PeakRssMegabytes() => ReadStatus("VmHWM:") / 1024.0;

    /// <summary>User + system CPU seconds the host has used so far.</summary>
    public double CpuSeconds()
    {
        var fields = File.ReadAllText($"/proc/{_process.Id}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        Client.Dispose();
        _process.Dispose();
    }

    private long ReadStatus(string field) =>
        File.ReadLines($"/proc/{_process.Id}/status")
            .Where(line => line.StartsWith(field, StringComparison.Ordinal))
            .Select(line => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]))
            .First();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
