import { defineBackground } from 'wxt/utils/define-background';
import { forwardTermCommands } from '~/lib/commands';

export default defineBackground(() => {
  forwardTermCommands();
});
