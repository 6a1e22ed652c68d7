namespace PriceCapAttest.Pipeline.Rescreening;

/// <summary>What examining one attestation found.</summary>
public enum ExaminationOutcome
{
    /// <summary>The new schedule gives the same outcome: nothing is written.</summary>
    Unchanged,

    /// <summary>The new schedule gives another outcome: a new evaluation is recorded.</summary>
    Changed,

    /// <summary>This run recorded its evaluation already (a resumed run): only what follows it is completed.</summary>
    AlreadyApplied,

    /// <summary>The current version lies outside what the changes cover (an index row left behind by an amendment).</summary>
    OutsideScope,

    /// <summary>The raw document is gone or was overwritten: it cannot be checked again.</summary>
    Unavailable,

    /// <summary>The attestation has no current version (an index row without records).</summary>
    Gone,
}
