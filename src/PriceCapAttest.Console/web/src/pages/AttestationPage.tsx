import { Page } from "../components/Page";
import type { PageProps } from "../routes";

export function AttestationPage({ params }: PageProps) {
  return <Page title={`Attestation ${params.attestationId}`}>{null}</Page>;
}
