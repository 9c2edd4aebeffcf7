import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { DocumentTemplate } from "../../../../contracts/document-templates";
import type {
  MailSent,
  MailSettings,
  MailSettingsUpdate,
  ProposalSend,
  ProposalSendPreview,
  ProposalSent,
} from "../../../../contracts/mail";
import { api, buildUrl } from "../../lib/api";

const mailKey = ["settings", "mail"] as const;
const templatesKey = ["document-templates"] as const;

/** Links the browser downloads directly (the session cookie goes along). */
export const proposalPdfUrl = (id: string) => buildUrl(`/proposals/${id}/pdf`);
export const proposalDocxUrl = (id: string) => buildUrl(`/proposals/${id}/docx`);
export const defaultTemplateUrl = () => buildUrl("/document-templates/default.docx");
export const templateFileUrl = (id: string) => buildUrl(`/document-templates/${id}/file`);

export function useMailSettings() {
  return useQuery({ queryKey: mailKey, queryFn: () => api.get<MailSettings>("/settings/mail") });
}

export function useSaveMailSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MailSettingsUpdate) => api.put<MailSettings>("/settings/mail", body),
    onSuccess: (saved) => client.setQueryData(mailKey, saved),
  });
}

export function useTestMail() {
  return useMutation({ mutationFn: (to: string) => api.post<MailSent>("/settings/mail/test", { to }) });
}

export function useTemplates() {
  return useQuery({
    queryKey: templatesKey,
    queryFn: () => api.get<{ items: DocumentTemplate[] }>("/document-templates"),
  });
}

export function useUploadTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, name, kind }: { file: File; name: string; kind: DocumentTemplate["kind"] }) => {
      const form = new FormData();
      form.append("name", name);
      form.append("kind", kind);
      form.append("file", file);
      return api.upload<DocumentTemplate>("/document-templates", form);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: templatesKey }),
  });
}

export function useDeleteTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<DocumentTemplate>(`/document-templates/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: templatesKey }),
  });
}

export function useSendPreview(proposalId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["proposals", proposalId, "send-preview"],
    queryFn: () => api.get<ProposalSendPreview>(`/proposals/${proposalId}/send-preview`),
    enabled,
  });
}

export function useSendProposal(proposalId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProposalSend) => api.post<ProposalSent>(`/proposals/${proposalId}/send`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ["proposals"] }),
  });
}
