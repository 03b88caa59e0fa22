export { ResendVerification } from './ResendVerification';
