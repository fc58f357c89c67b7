import { loadConfigOrExit, serve } from './serve';

void serve(loadConfigOrExit());
