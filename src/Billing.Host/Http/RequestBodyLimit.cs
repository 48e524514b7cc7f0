using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Billing.Host.Http;

/// <summary>
/// API-1: oversized bodies are refused with 413 before they are read. The default is
/// <c>Billing:Http:MaxRequestBodyBytes</c>; an endpoint may ask for more with
/// <c>[RequestSizeLimit]</c> metadata (the event batch will).
/// </summary>
internal sealed class RequestBodyLimit(RequestDelegate next, IConfiguration configuration)
{
    private readonly long _defaultLimit = configuration.GetValue<long?>("Billing:Http:MaxRequestBodyBytes") ?? 1_048_576;

    public Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? _defaultLimit;
        if (context.Request.ContentLength > limit)
        {
            throw new BadHttpRequestException($"The body has {context.Request.ContentLength} bytes; this route takes at most {limit}.", StatusCodes.Status413PayloadTooLarge);
        }

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }
        else if (context.Request.ContentLength is null)
        {
            // No server-enforced limit here (an in-process test host): count the bytes ourselves.
            context.Request.Body = new LengthLimitedStream(context.Request.Body, limit);
        }

        return next(context);
    }

    private sealed class LengthLimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit
                ? throw new BadHttpRequestException($"The body is larger than this route takes ({limit} bytes).", StatusCodes.Status413PayloadTooLarge)
                : read;
        }
    }
}
