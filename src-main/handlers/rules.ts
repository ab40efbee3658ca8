import type { CoreDeps, Handlers } from '../ipc/handler-types';

type RuleHandlers = Pick<Handlers, 'rules:list'>;

export function ruleHandlers(deps: CoreDeps): RuleHandlers {
  return {
    'rules:list': () => {
      deps.sessions.require();
      return deps.rules.overview();
    },
  };
}
