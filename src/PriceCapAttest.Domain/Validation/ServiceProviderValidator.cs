using PriceCapAttest.Domain.Documents;

namespace PriceCapAttest.Domain.Validation;

public sealed class ServiceProviderValidator : JsonPathValidator<ServiceProvider>
{
    public ServiceProviderValidator()
    {
        Field(x => x.Role).OneOf("The service provider's role", Vocabulary.ServiceProviderRoles);
        Field(x => x.Name).Name("The service provider's name");
        Field(x => x.Country).CountryCode("The service provider's country");
    }
}
