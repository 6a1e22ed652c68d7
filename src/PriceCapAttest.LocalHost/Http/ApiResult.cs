using PriceCapAttest.Pipeline.Api;

namespace PriceCapAttest.LocalHost.Http;

/// <summary>Writes an <see cref="ApiResponse"/> as it is: status, content type, extra headers, body.</summary>
public sealed class ApiResult(ApiResponse answer) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = answer.Status;
        response.ContentType = answer.ContentType;
        foreach (var (name, value) in answer.ExtraHeaders)
        {
            response.Headers[name] = value;
        }

        await response.WriteAsync(answer.Body, httpContext.RequestAborted).ConfigureAwait(false);
    }
}
