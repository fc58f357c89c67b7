export { SignIn } from './lib/sign-in/sign-in';
