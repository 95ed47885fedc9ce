import { defineMessages } from '../define';

export const checkinMessages = defineMessages({}, {});
