'use server';

import { serveAction } from '@/lib/actions/serve';

export async function signUpCompanyAction(input: unknown) {
  return serveAction('signUpCompany', input);
}

export async function signUpMunicipalityAction(input: unknown) {
  return serveAction('signUpMunicipality', input);
}

export async function confirmSignUpAction(input: unknown) {
  return serveAction('confirmSignUp', input);
}
