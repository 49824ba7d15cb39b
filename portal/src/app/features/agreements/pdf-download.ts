import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { AGREEMENT_PDF } from './agreements.graphql';

/** Fetches a version's PDF (craft notes printed for production only) and offers it as a download. */
export async function downloadAgreementPdf(apollo: Apollo, agreementId: string): Promise<void> {
  const r = await firstValueFrom(apollo.query({ query: AGREEMENT_PDF, variables: { id: agreementId }, fetchPolicy: 'network-only' }));
  const pdf = r.data?.agreementPdf;
  if (pdf) downloadBase64(pdf.fileName, pdf.mimeType, pdf.contentBase64);
}

function downloadBase64(fileName: string, mimeType: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
