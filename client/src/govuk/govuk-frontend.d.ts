// govuk-frontend ships JavaScript without type declarations; these cover what the client uses.
declare module "govuk-frontend" {
  export class Component {
    constructor($root: Element | null, config?: object);
    static moduleName: string;
  }
  export class CharacterCount extends Component {}
  export class ErrorSummary extends Component {}
  export class ServiceNavigation extends Component {}
  export class SkipLink extends Component {}
  export function isSupported($scope?: HTMLElement): boolean;
}
