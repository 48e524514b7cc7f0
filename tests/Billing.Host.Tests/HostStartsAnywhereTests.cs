using System.Net;
using Billing.Host.Tests.Support;
using Billing.Testing;

namespace Billing.Host.Tests;

/// <summary>
/// OPS-1: the built and the published host start from any working directory (a service manager's,
/// another shell's) and serve the admin page, which travels with the host's files.
/// </summary>
public sealed class HostStartsAnywhereTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("billing-cwd").FullName;

    [Fact]
    public async Task The_built_host_starts_from_another_working_directory_and_serves_the_admin_page()
    {
        var built = Path.Combine(RepositoryRoot(), "src", "Billing.Host", "bin", Configuration, "net10.0");

        await using var host = await HostProcess.StartAsync(Path.Combine(_workingDirectory, "data", "billing.db"), hostDirectory: built, workingDirectory: _workingDirectory);

        await ShouldServeAdminPageAsync(host);
        File.Exists(Path.Combine(_workingDirectory, "data", "billing.db")).ShouldBe(!TestDatabases.OnPostgres, "the SQLite file goes under the working directory");
    }

    [Fact]
    public async Task The_published_host_starts_from_another_working_directory_and_serves_the_admin_page()
    {
        var published = Path.Combine(Directory.CreateTempSubdirectory("billing-publish").FullName, "app");
        var project = Path.Combine(RepositoryRoot(), "src", "Billing.Host", "Billing.Host.csproj");
        var (exit, output) = await Tool.RunAsync("dotnet", $"publish \"{project}\" -c {Configuration} --no-build -o \"{published}\"");
        exit.ShouldBe(0, output);

        try
        {
            await using var host = await HostProcess.StartAsync(Path.Combine(_workingDirectory, "billing.db"), hostDirectory: published, workingDirectory: _workingDirectory);
            await ShouldServeAdminPageAsync(host);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(published)!, recursive: true);
        }
    }

    public void Dispose() => Directory.Delete(_workingDirectory, recursive: true);

    private static async Task ShouldServeAdminPageAsync(HostProcess host)
    {
        var page = await host.Client.GetAsync("/admin");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await page.Content.ReadAsStringAsync()).ShouldContain("<script type=\"module\"");

        var script = await host.Client.GetAsync("/admin/admin.js");
        script.StatusCode.ShouldBe(HttpStatusCode.OK);
        script.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Billing.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Billing.sln not found above " + AppContext.BaseDirectory);
    }
}
