// Shared by the forms and the server. Length is limited only to bound the hashing cost;
// nothing is ever truncated.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
