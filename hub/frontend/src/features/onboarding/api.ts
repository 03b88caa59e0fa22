import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ResponseBody } from '../../api/client';
import { readCsrfToken } from '../../api/csrf';
import { ApiError, CSRF_PROBLEM_TITLE, parseRetryAfter, toProblem } from '../../api/problem';

export type Onboarding = ResponseBody<'/api/doctors/{doctorId}/onboarding', 'get', 200>;
export type Step = NonNullable<Onboarding['step']>;
export type DoctorDocument = ResponseBody<'/api/doctors/{doctorId}/documents', 'get', 200>[number];
export type DocumentKind = 'licence' | 'degree';

export const onboardingKey = (doctorId: string) => ['onboarding', doctorId] as const;
export const documentsKey = (doctorId: string) => ['documents', doctorId] as const;

/** How often a screen asks again while the hub checks credentials or an operator reviews. */
export const POLL_MS = { CHECKING: 3_000, IN_REVIEW: 10_000 } as const;

/** Where the doctor's onboarding stands; asked again every few seconds while it moves by itself. */
export function useOnboarding(doctorId: string) {
  return useQuery({
    queryKey: onboardingKey(doctorId),
    queryFn: () =>
      unwrap(api.GET('/api/doctors/{doctorId}/onboarding', { params: { path: { doctorId } } })),
    refetchInterval: (query) => {
      const step = query.state.data?.step;
      return step === 'CHECKING' || step === 'IN_REVIEW' ? POLL_MS[step] : false;
    },
    staleTime: 0,
  });
}

export function useDocuments(doctorId: string) {
  return useQuery({
    queryKey: documentsKey(doctorId),
    queryFn: () =>
      unwrap(api.GET('/api/doctors/{doctorId}/documents', { params: { path: { doctorId } } })),
  });
}

export function useSubmitOnboarding(doctorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/doctors/{doctorId}/onboarding/submit', { params: { path: { doctorId } } }),
      ),
    onSuccess: (progress) => {
      // The workflow's answer (CHECKING) at once; polling then follows it.
      queryClient.setQueryData<Onboarding>(onboardingKey(doctorId), (current) => ({
        ...current,
        ...progress,
      }));
    },
  });
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** One PUT of a file by XMLHttpRequest, the only way a browser reports an upload's progress. */
function send(
  url: string,
  file: File,
  contentType: string,
  onProgress: (progress: UploadProgress) => void,
): Promise<{ status: number; body: unknown; retryAfter: string | null }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    // As the typed client: marks the web app (no Basic challenge) and carries the CSRF token.
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    const token = readCsrfToken();
    if (token) xhr.setRequestHeader('X-XSRF-TOKEN', token);
    xhr.upload.onprogress = (event) => {
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    };
    xhr.onload = () =>
      resolve({
        status: xhr.status,
        body: parse(xhr.responseText),
        retryAfter: xhr.getResponseHeader('Retry-After'),
      });
    xhr.onerror = () => reject(new TypeError('Network error'));
    xhr.onabort = () => reject(new TypeError('Upload aborted'));
    xhr.send(file);
  });
}

/**
 * Uploads a document as the raw body with its content type. Like the typed client, it fetches
 * a fresh CSRF token and tries once more when the hub says the token is stale.
 */
export async function uploadDocument(
  doctorId: string,
  kind: DocumentKind,
  file: File,
  contentType: string,
  onProgress: (progress: UploadProgress) => void,
): Promise<DoctorDocument> {
  const url = `/api/doctors/${encodeURIComponent(doctorId)}/documents/${kind}`;
  let answer = await send(url, file, contentType, onProgress);
  const stale =
    answer.status === 403 &&
    (answer.body as { title?: unknown } | undefined)?.title === CSRF_PROBLEM_TITLE;
  if (stale) {
    await api.GET('/api/session');
    answer = await send(url, file, contentType, onProgress);
  }
  if (answer.status < 200 || answer.status >= 300) {
    throw new ApiError(
      answer.status,
      toProblem(answer.status, answer.body),
      parseRetryAfter(answer.retryAfter),
    );
  }
  return answer.body as DoctorDocument;
}

export function useUploadDocument(doctorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (upload: {
      kind: DocumentKind;
      file: File;
      contentType: string;
      onProgress: (progress: UploadProgress) => void;
    }) => uploadDocument(doctorId, upload.kind, upload.file, upload.contentType, upload.onProgress),
    onSuccess: (document) => {
      queryClient.setQueryData<DoctorDocument[]>(documentsKey(doctorId), (current = []) => [
        ...current.filter((d) => d.kind !== document.kind),
        document,
      ]);
      void queryClient.invalidateQueries({ queryKey: onboardingKey(doctorId) });
    },
  });
}
