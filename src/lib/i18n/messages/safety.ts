import { defineMessages } from '../define';

export const safetyMessages = defineMessages(
  {
    'safetyPlan.title': 'My safety plan',
    'safetyPlan.comingSoon': 'Your personal safety plan will live here.',
  },
  {
    'safetyPlan.title': '我的安全计划',
    'safetyPlan.comingSoon': '你的个人安全计划会放在这里。',
  },
);
