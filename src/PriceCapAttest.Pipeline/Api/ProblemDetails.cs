using System.Text.Json;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Pipeline.Api;

/// <summary>The problems the API answers with (the record is in Contracts, which clients share) and their responses.</summary>
public static class ProblemAnswers
{
    public static ApiResponse ToResponse(this ProblemDetails problem) =>
        new(problem.Status, ApiContentTypes.Problem, JsonSerializer.Serialize(problem, ResultJson.Options));

    extension(ProblemDetails)
    {
        public static ProblemDetails InvalidParameter(string field, string detail, string instance) => new(
            ProblemTypes.InvalidParameter, "Invalid request parameter", 400, detail, instance, [new FieldError(field, detail)]);

        public static ProblemDetails NotFound(string detail, string instance) =>
            new(ProblemTypes.NotFound, "Not found", 404, detail, instance, []);

        public static ProblemDetails Unauthorized(string instance) => new(
            ProblemTypes.Unauthorized, "Unauthorized", 401,
            $"A valid API key is required in the '{ApiHeaders.Key}' header (or the '{ApiHeaders.KeyQuery}' query parameter).",
            instance, []);

        public static ProblemDetails Forbidden(ApiRole required, string instance) => new(
            ProblemTypes.Forbidden, "Forbidden", 403,
            $"This route is for the {required.ToString().ToLowerInvariant()} role; the key given belongs to another role.",
            instance, []);

        public static ProblemDetails Internal(string instance) => new(
            ProblemTypes.Internal, "Internal error", 500,
            "The request could not be served because of a fault on the server side; try again later.", instance, []);
    }
}
