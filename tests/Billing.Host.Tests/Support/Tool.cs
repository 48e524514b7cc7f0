using System.Diagnostics;

namespace Billing.Host.Tests.Support;

/// <summary>Runs a command-line tool the tests need (dotnet publish, pdftoppm) and answers its exit code and output.</summary>
public static class Tool
{
    public static async Task<(int Exit, string Output)> RunAsync(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }
}
